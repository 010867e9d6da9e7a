"""The Excel workbook of an assessment: model, tables, data and the writer."""
