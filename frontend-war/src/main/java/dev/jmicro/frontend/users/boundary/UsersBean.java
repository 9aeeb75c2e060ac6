package dev.jmicro.frontend.users.boundary;

import dev.jmicro.frontend.broker.control.BrokerCalls;
import dev.jmicro.frontend.broker.control.Query;
import dev.jmicro.frontend.broker.entity.Exchange;
import dev.jmicro.frontend.session.control.CurrentCaller;
import dev.jmicro.frontend.session.control.UserSession;
import dev.jmicro.frontend.web.boundary.Messages;
import dev.jmicro.frontend.web.boundary.Redirects;
import dev.jmicro.frontend.web.entity.Pager;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * User administration for admins, everything the broker's {@code /api/users} offers: a page of users found by any
 * part of their address or name, a new user, changing one (names, address, role, active), a new password for one,
 * deactivating, reactivating and deleting. Deactivating and deleting ask first. An admin's own row offers neither,
 * and auth refuses to remove the last active admin; its refusals are shown beside the field they name, or as they
 * come. The search and the page are in the address; a page past the end redirects to the last one.
 */
@Named
@ViewScoped
public class UsersBean implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int PAGE_SIZE = 20;

    /** The API's field names and the inputs of the new-user form. */
    private static final Map<String, String> CREATE_INPUTS = Map.of(
            "email", "create:email",
            "firstName", "create:first-name",
            "lastName", "create:last-name",
            "password", "create:password");

    private static final Map<String, String> EDIT_INPUTS = Map.of(
            "email", "edit:email",
            "firstName", "edit:first-name",
            "lastName", "edit:last-name");

    /** A destructive action waiting for its confirmation. */
    public record Pending(String action, long id, String email) implements Serializable {}

    @Inject
    BrokerCalls broker;

    @Inject
    CurrentCaller caller;

    @Inject
    UserSession session;

    @Size(max = 254, message = "At most 254 characters")
    private String search;

    @Min(value = 1, message = "Pages start at 1")
    @Max(value = 1_000_000, message = "No such page")
    private Integer page = 1;

    @NotBlank(message = "Enter an email address")
    @Email(message = "Not an email address")
    @Size(max = 254, message = "At most 254 characters")
    private String email;

    @NotBlank(message = "Enter a first name")
    @Size(max = 100, message = "At most 100 characters")
    private String firstName;

    @NotBlank(message = "Enter a last name")
    @Size(max = 100, message = "At most 100 characters")
    private String lastName;

    @NotBlank(message = "Enter a password")
    @Size(max = 200, message = "At most 200 characters")
    private String password;

    private boolean admin;

    private Editing editing;

    @NotBlank(message = "Enter the new password")
    @Size(max = 200, message = "At most 200 characters")
    private String newPassword;

    private Pending pending;
    private List<JsonObject> users = List.of();
    private Pager pager = new Pager(1, 0, PAGE_SIZE);
    private String failure;
    private String passwordRule;

    /** After the address's parameters: the page of users, and the password rule for the forms. */
    public void load() {
        if (FacesContext.getCurrentInstance().isValidationFailed()) {
            return;
        }
        Exchange answer = broker.get(
                caller.get(),
                "users",
                "/api/users"
                        + new Query().add("q", search).add("page", page - 1).add("size", PAGE_SIZE));
        if (!answer.ok()) {
            users = List.of();
            failure = answer.status() == 403 ? "Only administrators can manage users." : answer.failure();
            return;
        }
        failure = null;
        JsonObject body = answer.json().orElseThrow();
        users = body.getJsonArray("items").getValuesAs(JsonObject.class);
        pager = new Pager(page, body.getJsonNumber("total").longValue(), PAGE_SIZE);
        if (users.isEmpty() && page > pager.clamped()) {
            Redirects.to(address(pager.clamped()));
            return;
        }
        if (passwordRule == null) {
            passwordRule = broker.get(caller.get(), "password policy", "/api/users/password-policy")
                    .json()
                    .map(policy -> "At least " + policy.getInt("min_length", 1) + " characters.")
                    .orElse(null);
        }
    }

    public void create() {
        String body = Json.createObjectBuilder()
                .add("email", email.strip())
                .add("first_name", firstName.strip())
                .add("last_name", lastName.strip())
                .add("password", password)
                .add("admin", admin)
                .build()
                .toString();
        Exchange answer = broker.post(caller.get(), "new user", "/api/users", body);
        if (answer.ok()) {
            Messages.info("User " + email.strip() + " created.");
            email = firstName = lastName = password = null;
            admin = false;
        } else if (answer.status() == 409) {
            Messages.errorAt("create:email", "A user with this address exists already");
        } else if (!Messages.atFields(answer, CREATE_INPUTS)) {
            Messages.error("Not created: " + answer.failure());
        }
        load();
    }

    /** Opens the edit form for one user of the list. */
    public void edit(JsonObject user) {
        editing = Editing.of(user);
        newPassword = null;
        pending = null;
    }

    public void cancelEdit() {
        editing = null;
        newPassword = null;
    }

    public void save() {
        Exchange answer =
                broker.send(caller.get(), "change user", "PUT", "/api/users/" + editing.getId(), editing.toJson());
        if (answer.ok()) {
            Messages.info("User " + editing.getEmail().strip() + " changed.");
            editing = null;
        } else if (!Messages.atFields(answer, EDIT_INPUTS)) {
            Messages.error("Not changed: " + answer.failure());
        }
        load();
    }

    public void resetPassword() {
        String body =
                Json.createObjectBuilder().add("password", newPassword).build().toString();
        Exchange answer =
                broker.send(caller.get(), "reset password", "PUT", "/api/users/" + editing.getId() + "/password", body);
        if (answer.ok()) {
            Messages.info("New password set for " + editing.getEmail() + ".");
            newPassword = null;
        } else if (!Messages.atFields(answer, Map.of("password", "edit-password:new-password"))) {
            Messages.error("No new password: " + answer.failure());
        }
    }

    /** The first step of a destructive action: the row then asks to confirm. */
    public void ask(String action, long id, String address) {
        pending = new Pending(action, id, address);
        editing = null;
    }

    public void cancel() {
        pending = null;
    }

    /** The second step: does what was asked. */
    public void confirm() {
        Pending what = pending;
        pending = null;
        if (what == null) {
            return;
        }
        Exchange answer = "delete".equals(what.action())
                ? broker.send(caller.get(), "delete user", "DELETE", "/api/users/" + what.id(), null)
                : broker.post(caller.get(), "deactivate user", "/api/users/" + what.id() + "/deactivate", null);
        String done = "delete".equals(what.action()) ? "deleted" : "deactivated";
        if (answer.ok()) {
            Messages.info("User " + what.email() + " " + done + ".");
        } else {
            Messages.error("Not " + done + ": " + answer.failure());
        }
        load();
    }

    /** Lets a deactivated user sign in again. */
    public void reactivate(JsonObject user) {
        Editing change = Editing.of(user);
        change.setActive(true);
        Exchange answer =
                broker.send(caller.get(), "reactivate user", "PUT", "/api/users/" + change.getId(), change.toJson());
        if (answer.ok()) {
            Messages.info("User " + change.getEmail() + " reactivated.");
        } else {
            Messages.error("Not reactivated: " + answer.failure());
        }
        load();
    }

    /** Whether the row is the signed-in admin's own: no deactivating, demoting or deleting oneself. */
    public boolean isSelf(String address) {
        String own = session.getEmail();
        return own != null && address != null && own.toLowerCase(Locale.ROOT).equals(address.toLowerCase(Locale.ROOT));
    }

    public boolean isPending(String action, JsonObject user) {
        return pending != null
                && pending.action().equals(action)
                && pending.id() == user.getJsonNumber("id").longValue();
    }

    /** This view's address at another page. */
    public String address(int number) {
        return "users.xhtml" + new Query().add("q", search).add("page", number == 1 ? null : number);
    }

    public List<JsonObject> getUsers() {
        return users;
    }

    public Pager getPager() {
        return pager;
    }

    public String getFailure() {
        return failure;
    }

    public String getPasswordRule() {
        return passwordRule;
    }

    public Editing getEditing() {
        return editing;
    }

    public Pending getPending() {
        return pending;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page == null ? 1 : page;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isAdmin() {
        return admin;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
