"""The question format: its rules, the located YAML reader, the checker, the schema
and the starter bank. Pure: text in, banks or located diagnostics out."""
