package dev.bridle.audit;

/**
 * A row of the ledger: its position, the record, and the hash chaining it to the row before.
 *
 * @param seq the row's position, from 1, without gaps
 * @param record what it records
 * @param prevHash the previous row's hash (64 zeros for the first row)
 * @param hash SHA-256 over {@code prevHash} and this row's fields, hex
 */
public record LedgerEntry(long seq, LedgerRecord record, String prevHash, String hash) {}
