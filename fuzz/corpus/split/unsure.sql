ALTER TABLE t ALTER COLUMN c TYPE INT USING c::int; SELECT 1 FROM b top WHERE interval = 'x' AND j ? 'k';
