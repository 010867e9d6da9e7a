"""The vendor catalog: vendors, brands, models, lists and listings, read and checked."""
