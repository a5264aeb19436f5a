from django.contrib import admin

from .models import (
    BlogPost,
    Case,
    CaseEffect,
    ChecklistItem,
    Comment,
    FundingScheme,
    FundingSchemeSource,
    Myth,
    Recipe,
    RecipeStep,
)


class RecipeStepInline(admin.StackedInline[RecipeStep, Recipe]):
    model = RecipeStep
    extra = 0


class ChecklistItemInline(admin.TabularInline[ChecklistItem, RecipeStep]):
    model = ChecklistItem
    extra = 1


@admin.register(Recipe)
class RecipeAdmin(admin.ModelAdmin[Recipe]):
    list_display = ["title_nb", "audience", "status", "position"]
    list_filter = ["audience", "status"]
    inlines = [RecipeStepInline]


@admin.register(RecipeStep)
class RecipeStepAdmin(admin.ModelAdmin[RecipeStep]):
    list_display = ["title_nb", "recipe", "position"]
    inlines = [ChecklistItemInline]


class CaseEffectInline(admin.StackedInline[CaseEffect, Case]):
    model = CaseEffect
    extra = 0
    fields = ["figure", "text_nb", "text_en", "evidence", "source_url", "source_title", "source_date", "checked_on"]


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin[Case]):
    list_display = ["title_nb", "status", "period"]
    inlines = [CaseEffectInline]


class FundingSchemeSourceInline(admin.TabularInline[FundingSchemeSource, FundingScheme]):
    model = FundingSchemeSource
    extra = 0
    fields = ["supports", "title", "url", "publisher", "source_date", "checked_on", "position"]


@admin.register(FundingScheme)
class FundingSchemeAdmin(admin.ModelAdmin[FundingScheme]):
    list_display = ["name", "funder", "takes_applications", "next_deadline", "source_date", "checked_on", "status"]
    list_filter = ["takes_applications", "status"]
    inlines = [FundingSchemeSourceInline]


@admin.register(Myth)
class MythAdmin(admin.ModelAdmin[Myth]):
    list_display = ["claim_nb", "legal_source", "status"]


@admin.register(BlogPost)
class BlogPostAdmin(admin.ModelAdmin[BlogPost]):
    list_display = ["title_nb", "status", "published_at"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin[Comment]):
    list_display = ["post", "status", "created_at"]
    list_filter = ["status"]
