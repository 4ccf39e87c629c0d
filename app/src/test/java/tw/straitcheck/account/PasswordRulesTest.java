package tw.straitcheck.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.straitcheck.MutableClock;
import tw.straitcheck.system.ApiException;

/**
 * The handbook's password rules (參(三)(二) ※密碼規則), each on both sides of its boundary, with the
 * controllable clock: 8 characters, 3 kinds, 5 wrong lock for 15 minutes, 180 days, 1 day, the last 3.
 */
@MicronautTest(transactional = false)
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class PasswordRulesTest {

    private static final String FIRST = "Harbour-2026";

    @Inject
    AccountService accounts;

    @Inject
    MutableClock clock;

    private String username;
    private long id;

    @BeforeEach
    void anAccountMadeAtNoonOnMay20() {
        clock.setDay(LocalDate.of(2026, 5, 20));
        username = "pw-" + UUID.randomUUID().toString().substring(0, 8) + "@moe.gov.tw";
        id = accounts.createAccount(new AccountService.NewAccount(username, "Reviewer", null,
                EnumSet.of(Role.REVIEWER), FIRST, false)).id();
    }

    private AccountService.Login login(String password) {
        return accounts.login(username, password);
    }

    private String refusal(Runnable change) {
        try {
            change.run();
        } catch (ApiException e) {
            assertThat(e.status().getCode()).isEqualTo(422);
            return e.errors().get(0).en();
        }
        return "accepted";
    }

    @Test
    void eightCharactersAreEnoughAndSevenAreNot() {
        assertThat(PasswordRules.strength("Abcde1!x")).isEmpty();
        assertThat(PasswordRules.strength("Abcd1!x")).extracting(e -> e.en()).containsExactly("at least 8 characters");
    }

    @Test
    void threeKindsOfUpperLowerDigitsAndSymbolsAreEnoughAndTwoAreNot() {
        assertThat(PasswordRules.strength("abcdefg1")).extracting(e -> e.en())
                .containsExactly("use at least 3 of upper case, lower case, digits and symbols");
        assertThat(PasswordRules.strength("abcdefG1")).isEmpty();
        assertThat(PasswordRules.strength("abcdef1!")).isEmpty();
        assertThat(PasswordRules.strength("ABCDEF!!")).hasSize(1);
        assertThat(PasswordRules.strength("ABCdef!!")).isEmpty();
        assertThat(PasswordRules.kinds("兩岸交流教育活動")).isZero();
    }

    @Test
    void aNewAccountsPasswordMustMeetTheRulesToo() {
        assertThatThrownBy(() -> accounts.createAccount(new AccountService.NewAccount("weak-" + username, "x", null,
                EnumSet.of(Role.REVIEWER), "short1!", false))).isInstanceOf(ApiException.class);
    }

    @Test
    void fourWrongPasswordsDoNotLockAndTheRightOneThenLogsIn() {
        for (int i = 0; i < 4; i++) {
            assertThat(login("wrong")).isInstanceOf(AccountService.WrongPassword.class);
        }
        assertThat(login(FIRST)).isInstanceOf(AccountService.LoggedIn.class);
    }

    @Test
    void aLoginInBetweenStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            login("wrong");
        }
        login(FIRST);
        for (int i = 0; i < 4; i++) {
            assertThat(login("wrong")).isInstanceOf(AccountService.WrongPassword.class);
        }
        assertThat(login(FIRST)).isInstanceOf(AccountService.LoggedIn.class);
    }

    @Test
    void theFifthWrongPasswordLocksFor15MinutesEvenAgainstTheRightPassword() {
        for (int i = 0; i < 4; i++) {
            login("wrong");
        }
        AccountService.Login fifth = login("wrong");
        assertThat(fifth).isEqualTo(new AccountService.Locked(clock.instant().plus(Duration.ofMinutes(15))));

        assertThat(login(FIRST)).isInstanceOf(AccountService.Locked.class);
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(login(FIRST)).as("one second before the 15 minutes end").isInstanceOf(AccountService.Locked.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(login(FIRST)).as("15 minutes after the fifth").isInstanceOf(AccountService.LoggedIn.class);
    }

    @Test
    void afterALockHasRunOutAWrongPasswordCountsAsTheFirstAgain() {
        for (int i = 0; i < 5; i++) {
            login("wrong");
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(login("wrong")).isInstanceOf(AccountService.WrongPassword.class);
        assertThat(login(FIRST)).isInstanceOf(AccountService.LoggedIn.class);
    }

    @Test
    void onTheLastDayOf180ThePasswordStillWorksAndOnThe180thItMustBeChanged() {
        clock.advance(Duration.ofDays(180).minusSeconds(1));
        AccountService.LoggedIn before = (AccountService.LoggedIn) login(FIRST);
        assertThat(before.actor().mustChangePassword()).isFalse();
        assertThat(before.actor().roles()).containsExactly(Role.REVIEWER);

        clock.advance(Duration.ofSeconds(1));
        AccountService.LoggedIn after = (AccountService.LoggedIn) login(FIRST);
        assertThat(after.actor().mustChangePassword()).isTrue();
        assertThat(after.actor().roles()).as("nothing but the change until it is made").isEmpty();

        accounts.changePassword(id, FIRST, "Harbour-2027");
        assertThat(((AccountService.LoggedIn) login("Harbour-2027")).actor().mustChangePassword()).isFalse();
    }

    @Test
    void aChangeWithinADayOfTheLastIsRefusedAndOneADayLaterIsAccepted() {
        clock.advance(Duration.ofDays(2));
        accounts.changePassword(id, FIRST, "Second-2026");
        clock.advance(Duration.ofDays(1).minusSeconds(1));
        assertThat(refusal(() -> accounts.changePassword(id, "Second-2026", "Third-2026")))
                .isEqualTo("the password was changed less than a day ago; change it again tomorrow");
        clock.advance(Duration.ofSeconds(1));
        assertThat(refusal(() -> accounts.changePassword(id, "Second-2026", "Third-2026"))).isEqualTo("accepted");
    }

    @Test
    void noneOfTheLastThreePasswordsComesBackButTheFourthAgoDoes() {
        clock.advance(Duration.ofDays(2));
        accounts.changePassword(id, FIRST, "Second-2026");
        clock.advance(Duration.ofDays(2));
        accounts.changePassword(id, "Second-2026", "Third-2026");
        clock.advance(Duration.ofDays(2));
        String reused = "the new password must not be one of the last 3";
        assertThat(refusal(() -> accounts.changePassword(id, "Third-2026", "Third-2026"))).isEqualTo(reused);
        assertThat(refusal(() -> accounts.changePassword(id, "Third-2026", "Second-2026"))).isEqualTo(reused);
        assertThat(refusal(() -> accounts.changePassword(id, "Third-2026", FIRST))).as("third ago").isEqualTo(reused);

        accounts.changePassword(id, "Third-2026", "Fourth-2026");
        clock.advance(Duration.ofDays(2));
        assertThat(refusal(() -> accounts.changePassword(id, "Fourth-2026", FIRST))).as("fourth ago").isEqualTo("accepted");
    }

    @Test
    void aWeakNewPasswordOrAWrongCurrentOneIsRefused() {
        clock.advance(Duration.ofDays(2));
        assertThat(refusal(() -> accounts.changePassword(id, FIRST, "weakpass"))).isNotEqualTo("accepted");
        assertThat(refusal(() -> accounts.changePassword(id, "Not-The-One1", "Harbour-2099")))
                .isEqualTo("the current password is wrong");
    }

    @Test
    void aPasswordSetByAnAdministratorMustBeChangedAtOnceEvenTheSameDay() {
        String name = "new-" + username;
        long newId = accounts.createAccount(new AccountService.NewAccount(name, "New", null, EnumSet.of(Role.REVIEWER),
                FIRST, true)).id();
        assertThat(((AccountService.LoggedIn) accounts.login(name, FIRST)).actor().mustChangePassword()).isTrue();
        accounts.changePassword(newId, FIRST, "Own-Choice-1");
        assertThat(((AccountService.LoggedIn) accounts.login(name, "Own-Choice-1")).actor().roles())
                .containsExactly(Role.REVIEWER);
    }

    @Test
    void aDisabledAccountCannotLogInEvenWithTheRightPasswordAndCanAgainOnceEnabled() {
        accounts.setEnabled(id, false);
        assertThat(login(FIRST)).isInstanceOf(AccountService.Disabled.class);
        accounts.setEnabled(id, true);
        assertThat(login(FIRST)).isInstanceOf(AccountService.LoggedIn.class);
    }

    @Test
    void aDisabledAccountCannotBeMadeAnAdministratorAndAnEnabledOneCan() {
        String school = "pw" + UUID.randomUUID().toString().substring(0, 6);
        accounts.createSchool(school, "School");
        long user = accounts.createAccount(new AccountService.NewAccount("u-" + username, "U", school,
                EnumSet.of(Role.SCHOOL_USER), FIRST, false)).id();
        accounts.setEnabled(user, false);
        assertThat(refusal(() -> accounts.editSchoolUser(0, user, new AccountService.Edit("U", EnumSet.of(Role.SCHOOL_ADMIN), false))))
                .isEqualTo("a disabled account cannot be made an administrator; enable it first");
        accounts.setEnabled(user, true);
        assertThat(accounts.editSchoolUser(0, user, new AccountService.Edit("U", EnumSet.of(Role.SCHOOL_ADMIN), true)).roles())
                .containsExactly(Role.SCHOOL_ADMIN);
    }

    @Test
    void aWrongNameIsAnsweredAsAWrongPassword() {
        assertThat(accounts.login("nobody@moe.gov.tw", FIRST)).isInstanceOf(AccountService.WrongPassword.class);
    }
}
