from django.urls import path

from . import feeds, views

app_name = "constituencies"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("constituencies/", views.ConstituencyListView.as_view(), name="constituency-list"),
    path("constituencies.csv", views.ConstituencyCsvView.as_view(), name="constituency-csv"),
    path("constituencies.json", views.ConstituencyJsonView.as_view(), name="constituency-json"),
    path(
        "constituencies/<slug:slug>/",
        views.ConstituencyDetailView.as_view(),
        name="constituency-detail",
    ),
    path(
        "constituencies/<slug:slug>/feed/",
        feeds.ConstituencyFeed(),
        name="constituency-feed",
    ),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("feeds/latest/", feeds.LatestFactsFeed(), name="latest-feed"),
]
