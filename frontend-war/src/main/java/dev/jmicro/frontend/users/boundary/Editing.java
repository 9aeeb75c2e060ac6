package dev.jmicro.frontend.users.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** The edit form's copy of one user: every field auth's {@code PUT /users/{id}} takes, as the form changes them. */
public class Editing implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;

    @NotBlank(message = "Enter an email address")
    @Email(message = "Not an email address")
    @Size(max = 254, message = "At most 254 characters")
    private String email;

    @Size(max = 100, message = "At most 100 characters")
    private String firstName;

    @Size(max = 100, message = "At most 100 characters")
    private String lastName;

    private boolean admin;
    private boolean active;

    private Editing(long id) {
        this.id = id;
    }

    /** A copy of a user as the broker lists them. */
    static Editing of(JsonObject user) {
        Editing editing = new Editing(user.getJsonNumber("id").longValue());
        editing.email = user.getString("email", "");
        editing.firstName = user.getString("first_name", "");
        editing.lastName = user.getString("last_name", "");
        editing.admin = user.getBoolean("admin", false);
        editing.active = user.getBoolean("active", false);
        return editing;
    }

    String toJson() {
        return Json.createObjectBuilder()
                .add("email", email.strip())
                .add("first_name", firstName == null ? "" : firstName.strip())
                .add("last_name", lastName == null ? "" : lastName.strip())
                .add("active", active)
                .add("admin", admin)
                .build()
                .toString();
    }

    public long getId() {
        return id;
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

    public boolean isAdmin() {
        return admin;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
