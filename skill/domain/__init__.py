"""The pure domain: exercises, program, narration, progress and the dialogue.

Nothing here imports AWS or the ASK SDK, so it reads like a book and is tested without mocks.
"""
