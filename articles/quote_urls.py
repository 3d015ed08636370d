"""The quotes index and a permalink per quote."""

from django.urls import path

from articles.views import quotes

app_name = "quotes"

urlpatterns = [
    path("quotes/", quotes.quote_list, name="quote-list"),
    path("quotes/<int:pk>/", quotes.quote_detail, name="quote-detail"),
]
