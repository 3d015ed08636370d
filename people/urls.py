"""Public pages about people, organisations and the review's own bodies."""

from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("people/", views.person_list, name="person-list"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("organisations/", views.organisation_list, name="organisation-list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path("review-bodies/", views.reviewbody_list, name="reviewbody-list"),
    path("review-bodies/<slug:slug>/", views.reviewbody_detail, name="reviewbody-detail"),
]
