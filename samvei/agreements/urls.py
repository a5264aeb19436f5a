from django.urls import path

from . import views

app_name = "agreements"
urlpatterns = [
    path("<int:pk>/", views.draft_page, name="draft"),
    path("<int:pk>/draft.docx", views.draft_docx_view, name="draft_docx"),
    path("<int:pk>/draft.pdf", views.draft_pdf_view, name="draft_pdf"),
]
