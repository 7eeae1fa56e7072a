"""The landelijk beeld (/landelijk-beeld/): how far the basisteams are with the opgaven,
in aggregates only. `cijfers` counts (a fixed handful of GROUP BY queries, cached briefly and
dropped on every change), `filters` reads the eenheid and period, `tabellen` lays the
figures out as tables (the page and its CSV and XLSX downloads), `grafieken` draws them as
SVG. No text or name of a gesprek or afspraak is ever read: only ids, dates and statuses."""
