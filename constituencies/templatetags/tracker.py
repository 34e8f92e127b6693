"""Filters the public templates use to name, link and mark facts (see `constituencies.display`)."""

from django import template
from django.utils.html import format_html

from .. import display
from ..export import claims_shown

register = template.Library()

register.filter("fact_anchor", display.fact_anchor)
register.filter("fact_url", display.fact_url)
register.filter("fact_label", display.fact_label)
register.filter("shortlist_label", display.shortlist_label)
register.filter("party_name", display.party_name)
register.filter("statement_excerpt", display.statement_excerpt)
register.filter("shown", claims_shown)


@register.filter
def fact_status(fact, form=""):
    """A fact's mark: whether an editor checked it, in words, with a symbol and a border
    that differ too, so that colour is never the only difference. `"short"` for tables."""
    status = display.check_status(fact)
    label, short, rest = display.CHECK_LABELS[status]
    checked = status != "unchecked"
    words = (
        format_html('{}<span class="visually-hidden">{}</span>', short, rest)
        if form == "short"
        else label
    )
    return format_html(
        '<span class="fact-status fact-status--{}">'
        '<span class="fact-status__symbol" aria-hidden="true">{}</span> {}</span>',
        "checked" if checked else "unchecked",
        "✓" if checked else "?",
        words,
    )


@register.filter
def thousands(value):
    """1322 -> "1,322", as the articles write majorities, whatever the locale settings."""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return value


@register.filter
def web_url(value):
    """A source's address only if it is http(s): article metadata is untrusted."""
    return value if isinstance(value, str) and value.startswith(("https://", "http://")) else ""


@register.filter
def percentage(value):
    """46.014 -> "46.0%"; a share too small to show at that precision says so, and a
    missing one stays empty."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return ""
    return "under 0.1%" if 0 < value < 0.05 else f"{value:.1f}%"


@register.filter
def percent(value):
    """A fraction as a percentage: 0.4581 -> "45.8%"."""
    try:
        return percentage(float(value) * 100)
    except (TypeError, ValueError):
        return ""
