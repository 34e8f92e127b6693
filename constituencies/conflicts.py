"""Saving over a change made since the form was opened: refused, shown, merged.

An admin form for a stored record carries, in a hidden `version` field, a signed copy of
the values its fields had in the database when the form was built. When the form comes
back the record is read again (the admin locks it until the save ends), and if a load or
another editor has changed any of those fields in between, nothing is saved. The form
comes back naming each such field with the value saved now ("theirs") beside the one
submitted ("yours"); a field the editor had left alone already shows theirs, a field
both changed keeps theirs in the message and yours in the box; and it carries the new
version, so that saving again is the editor's deliberate merge.

A version compares values, not timestamps: whatever wrote the record (an admin save, the
loader's bulk UPDATE, a revert), a changed value is seen and an untouched one is not.
"""

import json

from django import forms
from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from simple_history.models import to_historic

VERSION_FIELD = "version"
SALT = "constituencies.conflicts.version"
# A version that could not be read: the form was not built by this admin, or was edited.
UNREADABLE = object()


def as_json(value):
    """`value` as it reads back from JSON, so that stored and submitted values compare."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def describe(field, value):
    """How a value reads to an editor: a related record's name, a choice's label."""
    if field.many_to_many:
        text = ", ".join(str(item) for item in value)
    elif field.is_relation:
        text = "" if value is None else str(value)
    elif field.choices:
        text = str(dict(field.flatchoices).get(value, value))
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    else:
        text = "" if value is None else str(value)
    return text or "(empty)"


class VersionField(forms.CharField):
    """Says what the form was built from: never an edit of the record."""

    widget = forms.HiddenInput

    def has_changed(self, initial, data):
        return False


class VersionedForm(forms.ModelForm):
    """A model form that refuses to save over a change it was not built from."""

    version = VersionField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = self._meta.model
        self.guarded = [
            field
            for field in (*model._meta.concrete_fields, *model._meta.many_to_many)
            if field.name in self.fields and field.name != VERSION_FIELD
        ]
        # A form for a new record has nothing to be stale against. One built from a
        # historical version (a revert, a restore) is guarded by the record as stored.
        self.versioned = to_historic(self.instance) is not None or not self.instance._state.adding
        if not self.versioned:
            return
        self.stored = self.stored_record()
        self.saved = self.values_of(self.stored)
        if not self.is_bound:
            self.initial[VERSION_FIELD] = self.token(self.saved)

    def stored_record(self):
        """The record as stored now: the admin read it for this request, unless the form
        shows a historical version, whose record may have changed or gone since."""
        if to_historic(self.instance) is None:
            return self.instance
        records = self._meta.model._default_manager.all()
        if self.is_bound:
            records = records.select_for_update(of=("self",))
        return records.filter(pk=self.instance.pk).first()

    def values_of(self, record):
        if record is None:
            return None
        values = {}
        for field in self.guarded:
            if field.many_to_many:
                value = sorted(getattr(record, field.name).values_list("pk", flat=True))
            else:
                value = field.value_from_object(record)
            values[field.name] = value
        return as_json(values)

    @staticmethod
    def token(values):
        return signing.dumps(values, salt=SALT, compress=True)

    def started_from(self):
        """The values the submitted form was built from, or UNREADABLE."""
        try:
            return signing.loads(self.data.get(self.add_prefix(VERSION_FIELD), ""), salt=SALT)
        except signing.BadSignature:
            return UNREADABLE

    def clean(self):
        cleaned = super().clean()
        if self.versioned:
            started = self.started_from()
            if started != self.saved:
                self.refuse(started, cleaned)
        return cleaned

    def refuse(self, started, cleaned):
        """Name each field changed since `started`, offer theirs where the editor had left
        the field alone, and give the form the version it now stands on."""
        if self.saved is None:
            self.add_error(
                None,
                "This record was deleted after you opened this page, so nothing was saved. "
                "Saving again restores it with the values below.",
            )
            self.data = self.data_with({}, None)
            return
        if started is UNREADABLE:
            reason = (
                "This form did not say which version of the record it was built from, so "
                "nothing was saved. Where the saved value differs from yours both are shown: "
                "check them, then save again."
            )
        elif started is None:
            reason = (
                "Someone else restored this record after you opened this page, so nothing "
                "was saved. Each field that differs shows their value and yours: merge "
                "them, then save again."
            )
        else:
            reason = (
                "Someone else (another editor, or a load of the articles) changed this record "
                "after you opened it, so nothing was saved. Each field they changed shows "
                "their value and yours; where you had left a field alone the form now shows "
                "theirs. Merge the two, then save again."
            )
        self.add_error(None, reason)
        known = isinstance(started, dict)
        theirs_instead = {}
        for field in self.guarded:
            name = field.name
            theirs, yours = self.saved[name], self.submitted(field, cleaned)
            before = started.get(name, UNREADABLE) if known else UNREADABLE
            if theirs == (before if known else yours):
                continue
            shown_theirs = describe(field, self.stored_value(field))
            shown_yours = describe(field, cleaned[name]) if name in cleaned else "(invalid)"
            if yours == theirs:
                message = f"Changed meanwhile to “{shown_theirs}”, as you had."
            elif yours is not UNREADABLE and yours == before:
                message = (
                    f"Changed meanwhile. Theirs: “{shown_theirs}”. Yours (as you found it): "
                    f"“{shown_yours}”. The form now shows theirs."
                )
                theirs_instead[name] = theirs
            elif known:
                message = (
                    f"Changed meanwhile. Theirs: “{shown_theirs}”. Yours: “{shown_yours}”. "
                    "The form keeps yours."
                )
            else:
                message = (
                    f"Saved now: “{shown_theirs}”. Yours: “{shown_yours}”. The form keeps yours."
                )
            self.add_error(name, message)
        self.data = self.data_with(theirs_instead, self.saved)

    def submitted(self, field, cleaned):
        """The submitted value of `field` in the form of `values_of`, or UNREADABLE."""
        if field.name not in cleaned:
            return UNREADABLE
        value = cleaned[field.name]
        if field.many_to_many:
            value = sorted(item.pk for item in value)
        elif field.is_relation:
            value = None if value is None else value.pk
        return as_json(value)

    def stored_value(self, field):
        if field.many_to_many:
            return getattr(self.stored, field.name).all()
        if field.is_relation:
            return getattr(self.stored, field.name)
        return field.value_from_object(self.stored)

    def data_with(self, values, version):
        """The submitted data with `values` (as `values_of` gives them) in place of the
        editor's, and the version the form now stands on."""
        data = self.data.copy()
        for name, value in values.items():
            key = self.add_prefix(name)
            if isinstance(value, list):
                data.setlist(key, [str(item) for item in value])
            elif isinstance(value, bool):
                # A checkbox sends nothing when unticked.
                data.pop(key, None)
                if value:
                    data[key] = "on"
            else:
                data[key] = "" if value is None else str(value)
        data[self.add_prefix(VERSION_FIELD)] = self.token(version)
        return data
