"""Public pages and downloads. Thin: reads come from QuerySet methods on the models,
filtering from `filters.ConstituencyFilter`, naming and ordering of facts from `display`."""

import csv

from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.views import View
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView
from django_filters.views import FilterMixin, FilterView

from . import charts, display
from .export import (
    checked_answer,
    claims_shown,
    dumps,
    export_constituency,
    party_checked,
    party_fields,
)
from .filters import ConstituencyFilter, read_checked_only
from .highlight import highlighted_paragraphs
from .models import Article, Constituency, Person

PAGE_SIZE = 50


@require_safe
def healthz(request):
    """For load balancers and uptime checks: "ok" whenever the process can answer. It
    touches neither the database nor the page cache, so it stays cheap under load."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def bad_request(errors):
    """A 400 naming each bad parameter and what is wrong with it."""
    problems = [f"{field}: {message}" for field, messages in errors.items() for message in messages]
    return HttpResponseBadRequest(
        "\n".join(problems) + "\n", content_type="text/plain; charset=utf-8"
    )


class CheckedOnlyMixin:
    """A page that can show checked facts only (`?checked=1`): `checked_only` is set
    before the queryset is built, and is in the template's context."""

    checked_only = False

    def get(self, request, *args, **kwargs):
        try:
            self.checked_only = read_checked_only(request.GET)
        except ValidationError as error:
            return bad_request({"checked": error.messages})
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(checked_only=self.checked_only, **kwargs)


class LenientPaginationMixin:
    """A stale or mistyped `?page=` shows the nearest page instead of a 404, so that a
    bookmarked list still opens after seats are merged away."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


class HomeView(LenientPaginationMixin, ListView):
    template_name = "constituencies/home.html"
    context_object_name = "constituencies"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return Constituency.objects.for_list().tracked()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Unbound: the overview only offers the form, which submits to the seat list.
        context["filter"] = ConstituencyFilter(queryset=Constituency.objects.none())
        context["chart"] = charts.seat_majorities(context["constituencies"])
        context["seat_count"] = Constituency.objects.public().count()
        # Every fact: the checked-only view of these seats is the list's (`?checked=1`).
        context["checked_only"] = False
        return context


class ConstituencyListView(LenientPaginationMixin, FilterView):
    filterset_class = ConstituencyFilter
    template_name = "constituencies/constituency_list.html"
    context_object_name = "constituencies"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        # The seats alone: the filters choose them and which facts count (`checked`), and
        # what the table shows of them is read from those facts when paginating.
        return Constituency.objects.all()

    def paginate_queryset(self, queryset, page_size):
        return super().paginate_queryset(queryset.for_list(), page_size)

    def get_context_data(self, **kwargs):
        return super().get_context_data(checked_only=self.filterset.checked_only, **kwargs)


class ConstituencyDetailView(CheckedOnlyMixin, DetailView):
    template_name = "constituencies/constituency_detail.html"
    context_object_name = "seat"

    def get_queryset(self):
        return Constituency.objects.checked_only(self.checked_only).with_facts().with_majority()

    def get_context_data(self, **kwargs):
        seat = self.object
        shortlist = seat.shortlist
        official_results = seat.official_results_newest_first
        latest = official_results[0] if official_results else None
        return super().get_context_data(
            official_result=latest,
            earlier_results=official_results[1:],
            earlier_majority_missing=any(r.majority is None for r in official_results[1:]),
            votes_chart=charts.votes_by_party(seat, latest) if latest else None,
            shortlist=shortlist,
            other_shortlists=[s for s in seat.shortlists.all() if s != shortlist],
            mp=seat.mp if claims_shown(seat, self.checked_only) else None,
            majorities=display.majority_checks(seat),
            chart=charts.majorities_by_year(seat),
            timeline=display.timeline(seat),
            candidacies=sorted(seat.candidacies.all(), key=lambda c: c.person.name),
            statements=sorted(seat.statements.all(), key=display.statement_order),
            **kwargs,
        )


class PersonDetailView(CheckedOnlyMixin, DetailView):
    template_name = "constituencies/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.checked_only(self.checked_only).for_detail()


class ArticleListView(LenientPaginationMixin, ListView):
    template_name = "constituencies/article_list.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE
    queryset = Article.objects.defer("text").order_by("-published", "title", "slug")


class ArticleDetailView(DetailView):
    template_name = "constituencies/article_detail.html"
    context_object_name = "article"
    model = Article

    def get_context_data(self, **kwargs):
        passages = display.passages(self.object)
        numbers = {(p.start, p.end): number for number, p in enumerate(passages, 1)}
        return super().get_context_data(
            passages=passages,
            paragraphs=highlighted_paragraphs(self.object.text, numbers),
            **kwargs,
        )


class ConstituencyDownloadView(FilterMixin, View):
    """The filtered seat list as a file; invalid filters are a 400 naming the problems.

    The filters choose the seats and which facts count (`checked`); `shape` then brings
    what the file says of each seat, read from those facts."""

    filterset_class = ConstituencyFilter
    filename = ""
    content_type = ""

    def get_queryset(self):
        return Constituency.objects.all()

    def get(self, request, *args, **kwargs):
        filterset = self.get_filterset(self.get_filterset_class())
        if filterset.is_bound and not filterset.is_valid():
            return bad_request(filterset.errors)
        response = HttpResponse(
            content_type=self.content_type,
            headers={"Content-Disposition": f'attachment; filename="{self.filename}"'},
        )
        self.checked_only = filterset.checked_only
        self.write(response, self.shape(filterset.qs))
        return response


class ConstituencyCsvView(ConstituencyDownloadView):
    filename = "constituencies.csv"
    content_type = "text/csv; charset=utf-8"
    columns = [
        "name",
        "slug",
        "mp",
        "party",
        "former_party",
        "latest_majority",
        "majority_year",
        "shortlist",
        "candidates",
        "statements",
        "url",
        "region",
        "country",
        "tracked",
        "majority_source",
        "majority_share",
        "winner",
        "runner_up",
        # Whether an editor checked the fact each column above gives (yes or no); empty
        # where there is none, and for a majority from the official results.
        "mp_checked",
        "party_checked",
        "majority_checked",
        "shortlist_checked",
    ]

    def shape(self, seats):
        return seats.for_list()

    def write(self, response, seats):
        writer = csv.writer(response)
        writer.writerow(self.columns)
        for seat in seats:
            writer.writerow([spreadsheet_safe(value) for value in self.row(seat)])

    def row(self, seat):
        mp = seat.mp if claims_shown(seat, self.checked_only) else None
        party = party_fields(mp, self.checked_only) if mp else {"party": "", "former_party": ""}
        source = majority_source(seat)
        return [
            seat.name,
            seat.slug,
            mp.name if mp else "",
            party["party"] or "",
            party["former_party"] or "",
            seat.majority_votes if seat.majority_votes is not None else "",
            seat.majority_year or "",
            seat.shortlist_kind or "",
            seat.candidate_count,
            seat.statement_count,
            self.request.build_absolute_uri(seat.get_absolute_url()),
            seat.region,
            seat.country,
            "yes" if seat.is_tracked else "no",
            source,
            round(seat.majority_percent, 2) if seat.majority_percent is not None else "",
            seat.official_winner or "",
            seat.official_runner_up or "",
            checked_answer(seat.is_checked if mp else None),
            checked_answer(party_checked(mp) if mp else None),
            checked_answer(seat.latest_majority_checked if source == "articles" else None),
            checked_answer(seat.shortlist_checked if seat.shortlist_kind else None),
        ]


class ConstituencyJsonView(ConstituencyDownloadView):
    filename = "constituencies.json"
    content_type = "application/json"

    def shape(self, seats):
        # `with_majority()` also gives what `o=majority` and `o=majority_share` order by.
        return seats.with_facts().with_majority()

    def write(self, response, seats):
        seats = [export_constituency(seat, self.checked_only) for seat in seats]
        response.write(dumps({"constituencies": seats}, compact=True))


def majority_source(seat):
    """Where the majority of a seat annotated by `with_majority()` comes from."""
    if seat.official_majority_votes is not None:
        return "official"
    return "articles" if seat.majority_votes is not None else ""


def spreadsheet_safe(value):
    """Names come from articles: keep a spreadsheet from reading one as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
