// Progressive enhancement for filter forms marked data-autosubmit: the list updates as soon
// as a checkbox or the sort order changes, and empty fields stay out of the address.
// Without JavaScript the "Apply filters" button submits the same form.
document.addEventListener("change", function (event) {
  var form = event.target.form;
  if (!form || !form.hasAttribute("data-autosubmit")) return;
  if (event.target.type === "checkbox" || event.target.tagName === "SELECT") {
    form.requestSubmit ? form.requestSubmit() : form.submit();
  }
});

document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.hasAttribute("data-autosubmit")) return;
  Array.prototype.forEach.call(form.elements, function (field) {
    if (field.name && (field.type === "text" || field.type === "search") && !field.value.trim()) {
      field.disabled = true;
    }
  });
});

// A page restored by the back button must not keep the fields disabled above.
window.addEventListener("pageshow", function () {
  document.querySelectorAll("form[data-autosubmit] input[disabled]").forEach(function (field) {
    field.disabled = false;
  });
});
