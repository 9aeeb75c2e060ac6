-- Users of the system. E-mail addresses are unique whatever their case; the password is a bcrypt hash.
create table users (
    id            bigint generated always as identity primary key,
    email         varchar(254) not null,
    first_name    varchar(100) not null default '',
    last_name     varchar(100) not null default '',
    password      varchar(100) not null,
    user_active   boolean      not null default true,
    admin         boolean      not null default false,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now()
);

create unique index users_email_unique on users (lower(email));
