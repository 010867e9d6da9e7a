"""The risk engine: assets, sanctions, compatibility, costs, scores under scenarios."""
