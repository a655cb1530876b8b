"""What tests share: fakes of external services, fixture data and the repository's paths."""
