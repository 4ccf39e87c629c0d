package tw.straitcheck.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The repositories of account/'s own tables. */
final class Repositories {

    private Repositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Schools extends CrudRepository<School, String> {
        List<School> findAllOrderByCode();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Accounts extends CrudRepository<Account, Long> {
        Optional<Account> findByUsername(String username);

        /** Locks the row: failed logins of one account are counted one at a time. */
        @Query("SELECT * FROM account WHERE username = :username FOR UPDATE")
        Optional<Account> findByUsernameForUpdate(String username);

        @Query("SELECT * FROM account WHERE id = :id FOR UPDATE")
        Optional<Account> findByIdForUpdate(Long id);

        List<Account> findBySchoolCodeOrderByUsername(String schoolCode);

        @Query("SELECT * FROM account WHERE school_code = :schoolCode ORDER BY id FOR UPDATE")
        List<Account> findBySchoolCodeForUpdate(String schoolCode);

        /** The ministry's own staff: the accounts without a school. */
        List<Account> findBySchoolCodeIsNullOrderByUsername();

        @Query("SELECT * FROM account WHERE school_code IS NULL ORDER BY id FOR UPDATE")
        List<Account> findStaffForUpdate();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Passwords extends CrudRepository<PasswordEntry, Long> {
        List<PasswordEntry> findByAccountIdOrderByIdDesc(Long accountId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Tokens extends CrudRepository<ApiToken, Long> {
        Optional<ApiToken> findBySha256(String sha256);

        List<ApiToken> findByAccountIdOrderById(Long accountId);

        @Query("UPDATE api_token SET last_used_at = :at WHERE id = :id")
        void markUsed(Long id, Instant at);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Resets extends CrudRepository<PasswordReset, Long> {
        Optional<PasswordReset> findBySha256(String sha256);

        /** The account's newest reset: only it may be used (a newer request ends the older ones). */
        Optional<PasswordReset> findFirstByAccountIdOrderByIdDesc(Long accountId);

        @Query("SELECT count(*) FROM password_reset WHERE account_id = :accountId AND created_at > :since")
        long countSince(Long accountId, Instant since);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Contacts extends CrudRepository<SchoolContact, Long> {
        List<SchoolContact> findBySchoolCodeOrderById(String schoolCode);
    }
}
