package dev.jmicro.frontend.users.boundary;

import dev.jmicro.frontend.broker.control.BrokerCalls;
import dev.jmicro.frontend.broker.entity.Exchange;
import dev.jmicro.frontend.web.boundary.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/**
 * User administration for admins: the list, a new user, deactivation. The broker and auth enforce who may do it (the
 * admin group) and the rules (no duplicate address, an admin cannot deactivate themselves); their refusals are shown
 * as they come.
 */
@Named
@ViewScoped
public class UsersBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    BrokerCalls broker;

    @NotBlank(message = "Enter an email address")
    @Email(message = "Not an email address")
    @Size(max = 255, message = "At most 255 characters")
    private String email;

    @NotBlank(message = "Enter a first name")
    @Size(max = 100, message = "At most 100 characters")
    private String firstName;

    @NotBlank(message = "Enter a last name")
    @Size(max = 100, message = "At most 100 characters")
    private String lastName;

    @NotBlank(message = "Enter a password")
    @Size(max = 72, message = "At most 72 characters (auth sets the minimum)")
    private String password;

    private boolean admin;

    private List<JsonObject> users = List.of();
    private String failure;

    @PostConstruct
    void load() {
        Exchange answer = broker.get("users", "/api/users?page=0&size=100");
        if (answer.ok()) {
            users = answer.json().orElseThrow().getJsonArray("items").getValuesAs(JsonObject.class);
            failure = null;
        } else {
            users = List.of();
            failure = answer.status() == 403 ? "Only administrators can manage users." : answer.failure();
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
        Exchange answer = broker.post("new user", "/api/users", body);
        if (answer.ok()) {
            Messages.info("User " + email.strip() + " created.");
            email = firstName = lastName = password = null;
            admin = false;
        } else {
            Messages.error("Not created: " + answer.failure());
        }
        load();
    }

    public void deactivate(long id, String address) {
        Exchange answer = broker.post("deactivate user", "/api/users/" + id + "/deactivate", null);
        if (answer.ok()) {
            Messages.info("User " + address + " deactivated.");
        } else {
            Messages.error("Not deactivated: " + answer.failure());
        }
        load();
    }

    public List<JsonObject> getUsers() {
        return users;
    }

    public String getFailure() {
        return failure;
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
}
