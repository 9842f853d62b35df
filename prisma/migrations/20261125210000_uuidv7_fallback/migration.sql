-- Ingested events get time-ordered ids (UUIDv7): each batch appends to the right edge of the
-- primary key instead of touching random leaf pages, which measurably cuts PostgreSQL's CPU
-- and WAL per event. PostgreSQL 18 has uuidv7() built in; on an older server (DATABASE_URL),
-- this defines the same layout in SQL: 48 bits of Unix milliseconds, version 7, the rest random.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'uuidv7' AND pronargs = 0) THEN
    CREATE FUNCTION uuidv7() RETURNS uuid LANGUAGE sql VOLATILE AS $fn$
      SELECT encode(
        set_bit(set_bit(
          overlay(uuid_send(gen_random_uuid())
            PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
            FROM 1 FOR 6),
        52, 1), 53, 1),
        'hex')::uuid
    $fn$;
  END IF;
END
$$;
