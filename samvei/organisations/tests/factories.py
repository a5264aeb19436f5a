import factory

from samvei.accounts.tests.factories import UserFactory
from samvei.core.text import norwegian_slugify
from samvei.organisations.models import ContactPoint, Membership, Organisation


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    """A social enterprise without an organisation number unless one is given."""

    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testbedrift {n}")
    slug = factory.LazyAttribute(lambda o: norwegian_slugify(o.name))
    kind = Organisation.Kind.SOCIAL_ENTERPRISE
    description = "Vi hjelper eldre med å komme seg ut."


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.MEMBER


class ContactPointFactory(factory.django.DjangoModelFactory[ContactPoint]):
    class Meta:
        model = ContactPoint

    organisation = factory.LazyFunction(lambda: Organisation.objects.get(municipality__number="1103"))
    unit = "Helse og velferd"
    role_title = "Kommunalsjef"
    person_name = "Kari Eksempel"
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")
    decides_on = "Beslutter kjøp av dagaktivitetstilbud."
