"""Atom feeds of newly recorded facts, for the whole tracker and for one seat. Each
entry says whether an editor checked the fact, in its text and as its category."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from .display import check_label, check_status, fact_label, fact_url, latest_facts
from .models import Constituency


class LatestFactsFeed(Feed):
    feed_type = Atom1Feed
    title = "Constituency Tracker: latest facts"
    subtitle = (
        "Candidates, statements, shortlist decisions, majorities and events newly recorded "
        "for the seats affected by the February 2019 Labour split."
    )
    link = reverse_lazy("constituencies:home")
    feed_url = reverse_lazy("constituencies:latest-feed")

    def items(self):
        return latest_facts()

    def item_title(self, item):
        return fact_label(item)

    def item_description(self, item):
        recorded = f"{item._meta.verbose_name.capitalize()} recorded for {item.constituency}."
        if check_status(item) == "unchecked":
            return f"{recorded} Machine-read from a news article, not yet checked by an editor."
        return f"{recorded} {check_label(item)}."

    def item_categories(self, item):
        return [check_label(item)]

    def item_link(self, item):
        return fact_url(item)

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class ConstituencyFeed(LatestFactsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Constituency.objects.public(), slug=slug)

    def title(self, obj):
        return f"Constituency Tracker: {obj.name}"

    def subtitle(self, obj):
        return f"Facts newly recorded for {obj.name}."

    def link(self, obj):
        return obj.get_absolute_url()

    def feed_url(self, obj):
        return reverse("constituencies:constituency-feed", kwargs={"slug": obj.slug})

    def items(self, obj):
        return latest_facts(obj)
