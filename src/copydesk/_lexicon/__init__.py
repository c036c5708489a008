"""The vocabularies: person names, wire agencies, dates and date words; each kept in one place."""
