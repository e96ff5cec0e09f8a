"""The hosts that run the skill: AWS Lambda, the web service, and the local console."""
