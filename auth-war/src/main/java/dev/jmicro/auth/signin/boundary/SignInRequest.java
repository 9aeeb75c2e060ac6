package dev.jmicro.auth.signin.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The original {@code {email, password}} body. */
public record SignInRequest(
        @NotBlank @Size(max = 254) @Email String email, @NotNull @Size(min = 1, max = 200) String password) {}
