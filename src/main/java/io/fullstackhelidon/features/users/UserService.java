package io.fullstackhelidon.features.users;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.fullstackhelidon.contract.Precondition;
import io.fullstackhelidon.contract.validation.EmailAddress;
import io.fullstackhelidon.contract.validation.Patch;
import io.fullstackhelidon.domain.Conflict;
import io.fullstackhelidon.domain.InvalidRequest;
import io.fullstackhelidon.domain.NotFound;
import io.fullstackhelidon.domain.NotPermitted;
import io.fullstackhelidon.domain.PreconditionFailed;
import io.fullstackhelidon.infra.cache.EntityCache;
import io.fullstackhelidon.infra.config.ConfigurationException;
import io.fullstackhelidon.infra.config.Settings;
import io.fullstackhelidon.infra.mail.EmailTemplates;
import io.fullstackhelidon.infra.mail.Mailer;
import io.fullstackhelidon.infra.observability.AppMetrics;
import io.fullstackhelidon.infra.security.PasswordHasher;

/** The rules about users: uniqueness of e-mail addresses, password handling, who may read and delete whom. */
public final class UserService {

    static final String EMAIL_TAKEN_ON_SIGNUP = "The user with this email already exists in the system";
    static final String EMAIL_TAKEN_ON_CREATE = "The user with this email already exists in the system.";
    static final String EMAIL_TAKEN_ON_UPDATE = "User with this email already exists";
    static final String NOT_ENOUGH_PRIVILEGES = "The user doesn't have enough privileges";
    static final String USER_NOT_FOUND = "User not found";
    static final String NO_SUCH_USER_ID = "The user with this id does not exist in the system";
    static final String NO_SELF_DELETE = "Super users are not allowed to delete themselves";
    static final String LAST_SUPERUSER = "The last active superuser cannot be demoted or deactivated";

    private final UserRepository users;
    private final EntityCache<User> cache;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Mailer mailer;
    private final EmailTemplates templates;
    private final AppMetrics metrics;

    public UserService(UserRepository users, EntityCache<User> cache, PasswordHasher hasher, Clock clock, Mailer mailer,
                       EmailTemplates templates, AppMetrics metrics) {
        this.users = users;
        this.cache = cache;
        this.hasher = hasher;
        this.clock = clock;
        this.mailer = mailer;
        this.templates = templates;
        this.metrics = metrics;
    }

    /** The stored user, read from the database. */
    public Optional<User> findById(UUID id) {
        return users.findById(id);
    }

    /** The user an access token names, through the cache, which never holds a password hash. */
    public Optional<User> findTokenSubject(UUID id) {
        return cache.get(id, key -> users.findById(key).map(User::withoutPasswordHash));
    }

    public Optional<User> findByEmail(String email) {
        return users.findByEmail(email);
    }

    /** Newest first. */
    public List<User> page(long skip, long limit) {
        return users.findPage(skip, limit);
    }

    public long count() {
        return users.count();
    }

    /** Creation by a superuser; the new user gets their credentials by e-mail when e-mail is configured. */
    public User create(NewUser user) {
        User created = insert(user, EMAIL_TAKEN_ON_CREATE);
        if (mailer.enabled()) {
            mailer.send(templates.newAccount(created.email(), created.email(), user.password()));
        }
        return created;
    }

    /** Self sign-up: always an active, regular account. */
    public User register(String email, String password, String fullName) {
        User user = insert(NewUser.regular(email, password, fullName), EMAIL_TAKEN_ON_SIGNUP);
        metrics.signedUp();
        return user;
    }

    /**
     * The user with these credentials, if they are right. An unknown address costs the same hashing time as a wrong
     * password; a correct password stored with an outdated scheme (bcrypt) is re-hashed with argon2id.
     */
    public Optional<User> authenticate(String email, String password) {
        Optional<User> found = users.findByEmail(email);
        if (found.isEmpty()) {
            hasher.verifyAgainstDummy(password);
            return Optional.empty();
        }
        User user = found.get();
        PasswordHasher.Verification verification = hasher.verify(password, user.hashedPassword());
        if (!verification.matches()) {
            return Optional.empty();
        }
        if (verification.upgradedHash().isPresent()) {
            String upgraded = verification.upgradedHash().get();
            users.update(user.id(), UserChanges.password(upgraded));
            user = user.withPasswordHash(upgraded);
        }
        return Optional.of(user);
    }

    /** The user {@code caller} asked for by id: themselves, or anyone when they are a superuser. */
    public User readById(User caller, UUID id) {
        if (caller.id().equals(id)) {
            return caller;
        }
        if (!caller.isSuperuser()) {
            throw new NotPermitted(NOT_ENOUGH_PRIVILEGES);
        }
        return users.findById(id).orElseThrow(() -> new NotFound(USER_NOT_FOUND));
    }

    /** A user's change to their own profile; with an {@code If-Match}, only to the profile as they last saw it. */
    public User updateSelf(User caller, Patch<String> fullName, Patch<String> email, Precondition precondition) {
        precondition.check(UserPublic.of(caller));
        return apply(caller, new UserChanges(email, Patch.absent(), Patch.absent(), fullName, Patch.absent()), null,
                     precondition.active() ? caller : null);
    }

    /**
     * A superuser's change to any user; a new password is hashed. A new password or a deactivation ends the user's
     * earlier tokens, all but the caller's own when they change themselves.
     */
    public User update(UserWithToken caller, UUID id, UserChanges changes, Patch<String> password,
                       Precondition precondition) {
        User target = users.findById(id).orElseThrow(() -> new NotFound(NO_SUCH_USER_ID));
        precondition.check(UserPublic.of(target));
        Patch<String> hashedPassword = password.present() ? Patch.of(hasher.hash(password.value())) : Patch.absent();
        boolean endsTokens = password.present() || Boolean.FALSE.equals(changes.isActive().orElse(true));
        TokenRevocation revocation = !endsTokens ? null : TokenRevocation.now(
                clock, target, target.id().equals(caller.user().id()) ? caller.tokenDigest() : null);
        return apply(target, new UserChanges(changes.email(), changes.isActive(), changes.isSuperuser(),
                                             changes.fullName(), hashedPassword), revocation,
                     precondition.active() ? target : null);
    }

    /**
     * Changes the caller's password after checking the current one; every earlier token of theirs ends but the one of
     * this session, which the template's clients go on using.
     */
    public void changePassword(UserWithToken session, String currentPassword, String newPassword) {
        User caller = session.user();
        String storedHash = users.findById(caller.id()).orElseThrow(() -> new NotFound(USER_NOT_FOUND))
                .hashedPassword();
        if (!hasher.verify(currentPassword, storedHash).matches()) {
            throw new InvalidRequest("Incorrect password");
        }
        if (currentPassword.equals(newPassword)) {
            throw new InvalidRequest("New password cannot be the same as the current one");
        }
        users.update(caller.id(), UserChanges.password(hasher.hash(newPassword)),
                     TokenRevocation.now(clock, caller, session.tokenDigest()));
        cache.invalidate(caller.id());
    }

    /** Replaces a user's password (after a reset-token check) and ends all their earlier tokens. */
    public void setPassword(User user, String newPassword) {
        users.update(user.id(), UserChanges.password(hasher.hash(newPassword)),
                     TokenRevocation.now(clock, user, null));
        cache.invalidate(user.id());
    }

    /** Ends every token of {@code user} issued until now, the one of this request included ("log out everywhere"). */
    public void endAllTokens(User user) {
        users.revokeTokens(user.id(), TokenRevocation.now(clock, user, null));
        cache.invalidate(user.id());
    }

    /** Deletes the caller's own account (and items); superusers may not. */
    public void deleteSelf(User caller, Precondition precondition) {
        if (caller.isSuperuser()) {
            throw new NotPermitted(NO_SELF_DELETE);
        }
        precondition.check(UserPublic.of(caller));
        if (!users.delete(caller.id(), precondition.active() ? caller : null) && precondition.active()) {
            throw new PreconditionFailed();
        }
        cache.invalidate(caller.id());
    }

    /** A superuser deletes another user and their items. */
    public void delete(User caller, UUID id, Precondition precondition) {
        User target = users.findById(id).orElseThrow(() -> new NotFound(USER_NOT_FOUND));
        if (target.id().equals(caller.id())) {
            throw new NotPermitted(NO_SELF_DELETE);
        }
        precondition.check(UserPublic.of(target));
        if (!users.delete(target.id(), precondition.active() ? target : null) && precondition.active()) {
            throw new PreconditionFailed();
        }
        cache.invalidate(target.id());
    }

    /**
     * Creates the bootstrap superuser ({@code FIRST_SUPERUSER}) unless a user with that e-mail address exists; an
     * existing one is untouched.
     *
     * @return whether it was created now
     */
    public boolean ensureSuperuser(Settings.FirstSuperuser superuser) {
        String email;
        try {
            email = EmailAddress.normalize(superuser.email());
        } catch (EmailAddress.InvalidEmailException e) {
            throw new ConfigurationException("FIRST_SUPERUSER is not a valid e-mail address: " + e.getMessage());
        }
        if (users.findByEmail(email).isPresent()) {
            return false;
        }
        try {
            users.insert(newRow(new NewUser(email, superuser.password(), true, true, null)));
            return true;
        } catch (DuplicateEmailException raceWithAnotherInstance) {
            // another instance created it between our check and insert: fine
            return false;
        }
    }

    private User insert(NewUser user, String emailTakenDetail) {
        if (users.findByEmail(user.email()).isPresent()) {
            throw new InvalidRequest(emailTakenDetail);
        }
        User created = newRow(user);
        try {
            users.insert(created);
        } catch (DuplicateEmailException e) {
            throw new InvalidRequest(emailTakenDetail);
        }
        return created;
    }

    private User newRow(NewUser user) {
        return new User(UUID.randomUUID(), user.email(), user.isActive(), user.isSuperuser(), user.fullName(),
                        hasher.hash(user.password()), clock.instant().truncatedTo(ChronoUnit.MICROS), null);
    }

    /** Whether {@code changes} demote or deactivate a user who is an active superuser now. */
    private static boolean endsAnActiveSuperuser(User target, UserChanges changes) {
        return target.isSuperuser() && target.isActive()
               && (Boolean.FALSE.equals(changes.isSuperuser().orElse(true))
                   || Boolean.FALSE.equals(changes.isActive().orElse(true)));
    }

    /** Applies {@code changes}, and {@code revocation} with them unless it is {@code null}. */
    /** Writes {@code changes}; when {@code expected} is given, only if the row still holds what that one does. */
    private User apply(User target, UserChanges changes, TokenRevocation revocation, User expected) {
        String newEmail = changes.email().orElse(null);
        if (newEmail != null && !newEmail.isEmpty()) {
            Optional<User> holder = users.findByEmail(newEmail);
            if (holder.isPresent() && !holder.get().id().equals(target.id())) {
                throw new Conflict(EMAIL_TAKEN_ON_UPDATE);
            }
        }
        try {
            if (endsAnActiveSuperuser(target, changes)) {
                if (!users.updateKeepingAnActiveSuperuser(target.id(), changes, revocation, expected)) {
                    throw new InvalidRequest(LAST_SUPERUSER);
                }
            } else {
                users.update(target.id(), changes, revocation, expected);
            }
        } catch (DuplicateEmailException e) {
            throw new Conflict(EMAIL_TAKEN_ON_UPDATE);
        }
        cache.invalidate(target.id());
        return users.findById(target.id()).orElseThrow(() -> new NotFound(USER_NOT_FOUND));
    }
}
