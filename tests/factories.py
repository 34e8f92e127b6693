import factory
from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify

from constituencies import models


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Article

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    filename = factory.LazyAttribute(lambda o: f"{o.slug}.txt")
    text = factory.Sequence(lambda n: f"Story {n}. Jane Doe has a majority of 1,234 in Testshire.")
    sha256 = factory.Sequence(lambda n: f"{n:064x}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = models.Organisation.Kind.PARTY


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Person

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ConstituencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Constituency

    name = factory.Sequence(lambda n: f"Seat {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    mp = factory.SubFactory(PersonFactory)


class MajorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Majority

    constituency = factory.SubFactory(ConstituencyFactory)
    year = 2017
    majority = factory.Sequence(lambda n: 1000 + n)


class ShortlistDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ShortlistDecision

    constituency = factory.SubFactory(ConstituencyFactory)
    kind = models.ShortlistDecision.Kind.ALL_WOMEN


class CandidacyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Candidacy

    person = factory.SubFactory(PersonFactory)
    constituency = factory.SubFactory(ConstituencyFactory)
    status = models.Candidacy.Status.TIPPED
    description = "local councillor"


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Statement

    constituency = factory.SubFactory(ConstituencyFactory)
    speaker = factory.SubFactory(PersonFactory)
    medium = models.Statement.Medium.TWEET
    text = factory.Sequence(lambda n: f"“We call for a by-election, number {n}.”")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Event

    constituency = factory.SubFactory(ConstituencyFactory)
    kind = models.Event.Kind.CAMPAIGN_DAY
    description = factory.Sequence(lambda n: f"Campaign day {n}")


class PartyMoveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PartyMove

    person = factory.SubFactory(PersonFactory)
    from_party = factory.SubFactory(OrganisationFactory, name="Labour")
    to_group = factory.SubFactory(OrganisationFactory, name="The Independent Group")


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Role

    person = factory.SubFactory(PersonFactory)
    title = "chair"


def add_evidence(fact, article, start, end, rule="test"):
    return models.Evidence.objects.create(
        article=article,
        content_type=ContentType.objects.get_for_model(fact),
        object_id=fact.pk,
        start=start,
        end=end,
        quote=article.text[start:end],
        rule=rule,
    )


def evidence_for(fact, article, start, end, rule="test"):
    """Unsaved evidence for `bulk_create`, quoting exactly `article.text[start:end]`."""
    return models.Evidence(
        article=article,
        content_type=ContentType.objects.get_for_model(fact),
        object_id=fact.pk,
        start=start,
        end=end,
        quote=article.text[start:end],
        rule=rule,
    )
