"""The editorial desk in the admin: each person's dashboard and the review queue, for every content type the
registry names (it knows no film app)."""
