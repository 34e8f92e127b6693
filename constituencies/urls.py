from django.urls import path

from . import views

app_name = "constituencies"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(
        "constituencies/<slug:slug>/",
        views.ConstituencyDetailView.as_view(),
        name="constituency-detail",
    ),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
]
