"""The seat list's filters, shared by the HTML list and its CSV and JSON downloads."""

import django_filters
from django import forms
from django.db.models import F

from .models import Constituency, ConstituencyQuerySet, ShortlistDecision

# Far above any real majority; a bound keeps absurd input a form error, not a database
# overflow.
MAJORITY_LIMIT = 10_000_000

SHORTLIST_CHOICES = [
    *ShortlistDecision.Kind.choices,
    (ConstituencyQuerySet.NO_SHORTLIST, "No decision reported"),
]


class WholeNumberFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class NullsLastOrderingFilter(django_filters.OrderingFilter):
    """Seats with no known majority sort after the others either way; name breaks ties so
    that pages are stable."""

    def get_ordering_value(self, param):
        descending = param.startswith("-")
        field = F(self.param_map[param.removeprefix("-")])
        return field.desc(nulls_last=True) if descending else field.asc(nulls_last=True)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.order_by(*(self.get_ordering_value(param) for param in value), "name", "pk")


class ConstituencyFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Seat or MP", method="filter_search", max_length=100)
    shortlist = django_filters.MultipleChoiceFilter(
        label="Shortlist",
        choices=SHORTLIST_CHOICES,
        method="filter_shortlist",
        widget=forms.CheckboxSelectMultiple,
    )
    majority_min = WholeNumberFilter(
        label="Majority at least",
        method="filter_majority_min",
        min_value=0,
        max_value=MAJORITY_LIMIT,
    )
    majority_max = WholeNumberFilter(
        label="Majority at most",
        method="filter_majority_max",
        min_value=0,
        max_value=MAJORITY_LIMIT,
    )
    o = NullsLastOrderingFilter(
        label="Sort by",
        fields=(("name", "name"), ("latest_majority_votes", "majority")),
        choices=[
            ("name", "Name, A to Z"),
            ("-name", "Name, Z to A"),
            ("majority", "Majority, smallest first"),
            ("-majority", "Majority, largest first"),
        ],
        empty_label=None,
    )

    class Meta:
        model = Constituency
        fields = []

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_shortlist(self, queryset, name, value):
        return queryset.with_shortlist(value)

    def filter_majority_min(self, queryset, name, value):
        return queryset.with_majority_between(low=value)

    def filter_majority_max(self, queryset, name, value):
        return queryset.with_majority_between(high=value)
