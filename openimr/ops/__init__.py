"""Operations: backing up and restoring the database with the stored files."""
