"""Helpers for scripts/gen-gazetteer (generator only; never imported by vigie itself)."""
