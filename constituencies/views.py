"""Public pages. Thin: reads come from QuerySet methods on the models."""

from django.views.generic import DetailView, ListView

from .models import Article, Constituency, Person


class HomeView(ListView):
    template_name = "constituencies/home.html"
    context_object_name = "constituencies"

    def get_queryset(self):
        return Constituency.objects.public().select_related("mp")


class ConstituencyDetailView(DetailView):
    template_name = "constituencies/constituency_detail.html"

    def get_queryset(self):
        return Constituency.objects.public().select_related("mp")


class PersonDetailView(DetailView):
    template_name = "constituencies/person_detail.html"

    def get_queryset(self):
        return Person.objects.public()


class ArticleDetailView(DetailView):
    template_name = "constituencies/article_detail.html"
    model = Article
