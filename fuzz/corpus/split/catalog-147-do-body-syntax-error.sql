DO $$
BEGIN
    SELEC 1;
END
$$;
