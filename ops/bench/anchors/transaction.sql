-- The pgbench anchor of ops/bench/commands (issue 17): one transaction inserting a stream row and its first event row,
-- the shape of starting a one-event stream. The tables are made by ops/bench/commands in whistle_bench_anchor.
BEGIN;
INSERT INTO streams(id, type, version, ts) VALUES (gen_random_uuid(), 'complaint', 1, now()) RETURNING id AS sid \gset
INSERT INTO events(stream_id, version, data, ts) VALUES (':sid'::uuid, 1, '{"description":"楼下消防通道长期被私家车占用，影响救援。"}'::jsonb, now());
END;
