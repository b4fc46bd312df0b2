"""Ingest: read reports from many formats, detect their language, extract and store."""

from bilan.ingest.run import Ingester, Summary, document_id
from bilan.ingest.sources import CSV_FIELDS, Report, parse_csv_columns, read_reports

__all__ = ["CSV_FIELDS", "Ingester", "Report", "Summary", "document_id", "parse_csv_columns",
           "read_reports"]
