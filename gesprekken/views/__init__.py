"""The gesprekken pages, one module per part:

- `team`: a team's gesprekken, a new gesprek, a team's afspraken (under /teams/<slug>/);
- `gesprek`: the gesprek page (`pagina` builds it), its details and its status;
- `vastleggen`: the forms of the gesprek page, each posting to its own small view;
- `afspraken`: one afspraak, its page and its edit form;
- `verslag`: the report, its PDF and the CSV exports.
"""
