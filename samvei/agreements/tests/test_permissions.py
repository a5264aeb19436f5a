import pytest

from samvei.agreements.permissions import can_draft_agreement


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("outsider", False),
        ("third_org_member", False),
        ("staff", False),
        ("body_member", True),
        ("partner_member", True),
    ],
)
def test_only_members_of_the_two_parties_may_draft(request, collaboration, role, allowed):
    assert can_draft_agreement(user=request.getfixturevalue(role), collaboration=collaboration) is allowed
