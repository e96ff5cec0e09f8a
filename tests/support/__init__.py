"""What the tests share: loopback stand-ins for Alexa's APIs, certificates, the DynamoDB
servers' fixtures and the store's contract. Imported as ``tests.support.<module>``."""
