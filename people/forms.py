"""Forms of the staff admin for people and organisations."""

from django import forms


class MergeForm(forms.Form):
    """Which of the selected records survives a merge."""

    survivor = forms.ModelChoiceField(
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        label="Keep this record",
        help_text="The others are merged into it: their mentions, quotes, memberships and "
        "aliases move to it, their names become aliases and their pages redirect to it.",
    )

    def __init__(self, data=None, *, queryset):
        super().__init__(data)
        self.fields["survivor"].queryset = queryset
