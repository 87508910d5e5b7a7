from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from netral.regions.models import Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin[Region]):
    list_display = ["code", "name", "type", "timezone", "parent", "has_boundary"]
    list_filter = ["level", "type", "timezone"]
    search_fields = ["code", "name"]
    list_select_related = ["parent"]
    exclude = ["boundary"]  # polygons are loaded by `netral regions load-boundaries`, not typed in

    @admin.display(boolean=True, description="boundary")
    def has_boundary(self, obj: Region) -> bool:
        return obj.boundary is not None

    def get_queryset(self, request: HttpRequest) -> QuerySet[Region]:
        return super().get_queryset(request).defer("boundary")
