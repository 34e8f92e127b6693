from django.urls import path
from django.views.decorators.http import require_safe

from . import feeds, views
from .pagecache import public_page

app_name = "constituencies"

# Every public page is served from the page cache; the health check never touches it.
urlpatterns = [
    path("", public_page(views.HomeView.as_view()), name="home"),
    path(
        "constituencies/",
        public_page(views.ConstituencyListView.as_view()),
        name="constituency-list",
    ),
    path(
        "constituencies.csv",
        public_page(views.ConstituencyCsvView.as_view()),
        name="constituency-csv",
    ),
    path(
        "constituencies.json",
        public_page(views.ConstituencyJsonView.as_view()),
        name="constituency-json",
    ),
    path(
        "constituencies/<slug:slug>/",
        public_page(views.ConstituencyDetailView.as_view()),
        name="constituency-detail",
    ),
    path(
        "constituencies/<slug:slug>/feed/",
        public_page(require_safe(feeds.ConstituencyFeed())),
        name="constituency-feed",
    ),
    path(
        "people/<slug:slug>/",
        public_page(views.PersonDetailView.as_view()),
        name="person-detail",
    ),
    path("articles/", public_page(views.ArticleListView.as_view()), name="article-list"),
    path(
        "articles/<slug:slug>/",
        public_page(views.ArticleDetailView.as_view()),
        name="article-detail",
    ),
    path("feeds/latest/", public_page(require_safe(feeds.LatestFactsFeed())), name="latest-feed"),
    path("healthz/", views.healthz, name="healthz"),
]
