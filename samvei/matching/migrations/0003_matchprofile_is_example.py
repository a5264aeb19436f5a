"""Match profiles carry whether their object is a fictional example, so that at an equal score a real
candidate ranks first. Existing profiles are marked from their objects, and stamped so that every process's
in-memory index reads them again."""

from django.db import migrations, models
from django.utils import timezone


def mark_examples(apps, schema_editor):
    MatchProfile = apps.get_model("matching", "MatchProfile")
    sources = {
        "organisation": apps.get_model("organisations", "Organisation"),
        "challenge": apps.get_model("challenges", "Challenge"),
    }
    for kind, model in sources.items():
        examples = model.objects.filter(is_example=True).values("pk")
        MatchProfile.objects.filter(kind=kind, object_id__in=examples).update(
            is_example=True, updated_at=timezone.now()
        )


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0002_match_profile"),
        ("organisations", "0002_organisation_aliases"),
        ("challenges", "0002_pitch_delivery"),
    ]

    operations = [
        migrations.AddField(
            model_name="matchprofile",
            name="is_example",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(mark_examples, migrations.RunPython.noop),
    ]
