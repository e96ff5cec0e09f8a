"""The Alexa adapter: request envelopes in, domain decisions out, responses back."""
