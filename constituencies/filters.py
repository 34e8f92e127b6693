"""The seat list's filters, shared by the HTML list and its CSV and JSON downloads.

Region, country and winner offer only the values in the data. Their choices are read
when the form is drawn or a value needs checking, all three in one query, so that a
download without those filters does not pay for it.

`checked=1` keeps to the facts an editor has checked (`models.CHECKED`): it decides
which facts every other filter and every column reads, so the views build the page's
annotations after filtering (`ConstituencyQuerySet.for_list()`, `with_facts()`).
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.functional import cached_property

from .display import party_name
from .models import Constituency, ConstituencyQuerySet, ShortlistDecision

# Far above any real majority; a bound keeps absurd input a form error, not a database
# overflow.
MAJORITY_LIMIT = 10_000_000

SHORTLIST_CHOICES = [
    *ShortlistDecision.Kind.choices,
    (ConstituencyQuerySet.NO_SHORTLIST, "No decision reported"),
]

TRACKED_CHOICES = [
    ("yes", "Seats the tracker follows"),
    ("no", "Other seats"),
]

MAJORITY_HELP = (
    "The official majority at the latest general election in the House of Commons "
    "Library's results; for a seat with no official figure, the latest majority the "
    "articles report."
)
MAJORITY_SHARE_HELP = (
    "The official majority as a percentage of the valid votes cast. Seats with no official "
    "result are left out."
)
TRACKED_HELP = (
    "Followed: the MP left their party, or there is news of Labour's selection there "
    "(a candidate, a shortlist decision or a statement)."
)
CHECKED_HELP = (
    "Leave out what the tracker read from articles that no editor has checked yet; "
    "official results are always shown."
)

YES = {"1", "true", "on", "yes"}
NO = {"", "0", "false", "off", "no"}


class FlagCheckbox(forms.CheckboxInput):
    """A checkbox that sends `name=1` and hands its field the value as given, so that
    the field can refuse one that is neither yes nor no."""

    def __init__(self, attrs=None):
        super().__init__({"value": "1", **(attrs or {})}, check_test=is_yes)

    def value_from_datadict(self, data, files, name):
        return data.get(name)


def is_yes(value):
    return value is True or (isinstance(value, str) and value.strip().lower() in YES)


class FlagField(forms.Field):
    """A yes/no query parameter: 1, true, on or yes; 0, false, off, no or nothing. Any
    other value is an error rather than a no: a mistyped `checked=` must not quietly
    show unchecked facts to a reader who asked for checked ones only."""

    widget = FlagCheckbox

    def to_python(self, value):
        if value is None or isinstance(value, bool):
            return bool(value)
        text = str(value).strip().lower()
        if text in YES | NO:
            return text in YES
        raise ValidationError("Give 1 for yes or 0 for no.", code="invalid")


class FlagFilter(django_filters.Filter):
    field_class = FlagField


def read_checked_only(data):
    """Whether a request's parameters (`request.GET`) ask for checked facts only; raises
    `ValidationError` for a `checked` value that is neither yes nor no."""
    return FlagField(required=False).clean(data.get("checked"))


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
    # First: filters run in the order declared, and this one says which facts the others
    # read.
    checked = FlagFilter(
        label="Checked facts only",
        method="filter_checked",
        help_text=CHECKED_HELP,
    )
    q = django_filters.CharFilter(label="Seat or MP", method="filter_search", max_length=100)
    tracked = django_filters.ChoiceFilter(
        label="Which seats",
        choices=TRACKED_CHOICES,
        method="filter_tracked",
        empty_label="All seats",
        widget=forms.RadioSelect,
        help_text=TRACKED_HELP,
    )
    shortlist = django_filters.MultipleChoiceFilter(
        label="Shortlist",
        choices=SHORTLIST_CHOICES,
        method="filter_shortlist",
        widget=forms.CheckboxSelectMultiple,
    )
    country = django_filters.ChoiceFilter(label="Country", empty_label="Any country")
    region = django_filters.ChoiceFilter(label="Region", empty_label="Any region")
    winner = django_filters.ChoiceFilter(
        label=f"Won in {ConstituencyQuerySet.WINNER_YEAR} by",
        method="filter_winner",
        empty_label="Any party",
    )
    majority_min = WholeNumberFilter(
        label="Majority at least",
        method="filter_majority_min",
        min_value=0,
        max_value=MAJORITY_LIMIT,
        help_text=MAJORITY_HELP,
    )
    majority_max = WholeNumberFilter(
        label="Majority at most",
        method="filter_majority_max",
        min_value=0,
        max_value=MAJORITY_LIMIT,
        help_text=MAJORITY_HELP,
    )
    majority_share_min = django_filters.NumberFilter(
        label="Share at least (%)",
        method="filter_majority_share_min",
        min_value=0,
        max_value=100,
        help_text=MAJORITY_SHARE_HELP,
    )
    majority_share_max = django_filters.NumberFilter(
        label="Share at most (%)",
        method="filter_majority_share_max",
        min_value=0,
        max_value=100,
        help_text=MAJORITY_SHARE_HELP,
    )
    o = NullsLastOrderingFilter(
        label="Sort by",
        fields=(
            ("name", "name"),
            ("majority_votes", "majority"),
            ("majority_percent", "majority_share"),
        ),
        choices=[
            ("name", "Name, A to Z"),
            ("-name", "Name, Z to A"),
            ("majority", "Smallest majority"),
            ("-majority", "Largest majority"),
            ("majority_share", "Smallest % majority"),
            ("-majority_share", "Largest % majority"),
        ],
        empty_label=None,
    )

    class Meta:
        model = Constituency
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Lambdas, not bound methods: form fields are deep-copied, and a bound method would
        # copy the whole filter set with them.
        self.filters["country"].extra["choices"] = lambda: self.country_choices
        self.filters["region"].extra["choices"] = lambda: self.region_choices
        self.filters["winner"].extra["choices"] = lambda: self.winner_choices

    @property
    def checked_only(self):
        """Whether the seats are shown with checked facts only."""
        return self.is_bound and self.is_valid() and self.form.cleaned_data["checked"]

    @cached_property
    def places_and_winners(self):
        return Constituency.objects.places_and_winners(ConstituencyQuerySet.WINNER_YEAR)

    @property
    def places(self):
        return self.places_and_winners[0]

    @cached_property
    def country_choices(self):
        return [(country, country) for country in dict.fromkeys(c for c, _ in self.places)]

    @cached_property
    def region_choices(self):
        return [(region, region) for region in sorted({r for _, r in self.places if r})]

    @cached_property
    def winner_choices(self):
        codes = self.places_and_winners[1]
        return sorted(((code, party_name(code)) for code in codes), key=lambda c: c[1])

    def filter_checked(self, queryset, name, value):
        return queryset.checked_only(value)

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_tracked(self, queryset, name, value):
        return queryset.tracked(value == "yes")

    def filter_shortlist(self, queryset, name, value):
        return queryset.with_shortlist(value)

    def filter_winner(self, queryset, name, value):
        return queryset.won_by(value)

    def filter_majority_min(self, queryset, name, value):
        return queryset.with_majority_between(low=value)

    def filter_majority_max(self, queryset, name, value):
        return queryset.with_majority_between(high=value)

    def filter_majority_share_min(self, queryset, name, value):
        return queryset.with_majority_share_between(low=float(value))

    def filter_majority_share_max(self, queryset, name, value):
        return queryset.with_majority_share_between(high=float(value))
