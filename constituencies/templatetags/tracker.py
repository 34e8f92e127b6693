"""Filters the public templates use to name and link facts (see `constituencies.display`)."""

from django import template

from .. import display

register = template.Library()

register.filter("fact_anchor", display.fact_anchor)
register.filter("fact_url", display.fact_url)
register.filter("fact_label", display.fact_label)
register.filter("shortlist_label", display.shortlist_label)


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
