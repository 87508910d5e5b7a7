"""Generated cases: the demo's (`demo`, through the real actions: `netral demo cases`) and the dashboard
benchmark's (`bulk`, rows written directly: `netral bench dashboard`). Both follow the same stories
(`stories`), drawn from the published mixes in `shape` with a seeded random generator.
"""
