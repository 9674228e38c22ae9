"""Renderings of a `Report` for the front ends: text and CI formats. The JSON objects they and
the API share are built in `service.engine.json_objects`, compiled with the engine."""
